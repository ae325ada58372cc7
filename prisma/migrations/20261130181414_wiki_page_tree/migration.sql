-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "Document_courseId_slug_key" ON "Document"("courseId", "slug");
