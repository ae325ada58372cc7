-- AlterTable
ALTER TABLE "DocumentUpdate" ADD COLUMN     "userId" UUID;

-- CreateTable
CREATE TABLE "DocumentVersion" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT,
    "state" BYTEA NOT NULL,
    "upTo" BIGINT NOT NULL,
    "createdById" UUID,
    "authorIds" UUID[],
    "authorUpdates" INTEGER[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentAuthorship" (
    "documentId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "updates" INTEGER NOT NULL,

    CONSTRAINT "DocumentAuthorship_pkey" PRIMARY KEY ("documentId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "DocumentVersion_documentId_number_key" ON "DocumentVersion"("documentId", "number");

-- AddForeignKey
ALTER TABLE "DocumentVersion" ADD CONSTRAINT "DocumentVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentAuthorship" ADD CONSTRAINT "DocumentAuthorship_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;
