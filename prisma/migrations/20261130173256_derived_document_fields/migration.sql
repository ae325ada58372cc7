-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "searchVector" tsvector;

-- CreateTable
CREATE TABLE "DocumentLink" (
    "sourceId" UUID NOT NULL,
    "titleKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "DocumentLink_pkey" PRIMARY KEY ("sourceId","titleKey")
);

-- CreateTable
CREATE TABLE "DocumentCitation" (
    "documentId" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "readingId" UUID NOT NULL,
    "readingVersion" INTEGER,
    "quote" TEXT NOT NULL,
    "selector" JSONB,

    CONSTRAINT "DocumentCitation_pkey" PRIMARY KEY ("documentId","ordinal")
);

-- CreateIndex
CREATE INDEX "DocumentLink_titleKey_idx" ON "DocumentLink"("titleKey");

-- CreateIndex
CREATE INDEX "DocumentCitation_readingId_idx" ON "DocumentCitation"("readingId");

-- CreateIndex
CREATE INDEX "Document_searchVector_idx" ON "Document" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "DocumentLink" ADD CONSTRAINT "DocumentLink_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentCitation" ADD CONSTRAINT "DocumentCitation_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentCitation" ADD CONSTRAINT "DocumentCitation_readingId_fkey" FOREIGN KEY ("readingId") REFERENCES "Reading"("id") ON DELETE CASCADE ON UPDATE CASCADE;
