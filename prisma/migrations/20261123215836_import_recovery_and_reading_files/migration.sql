-- DropForeignKey
ALTER TABLE "ReadingVersion" DROP CONSTRAINT "ReadingVersion_fileId_fkey";

-- DropIndex
DROP INDEX "SourceFile_courseId_idx";

-- AlterTable
ALTER TABLE "ImportDraft" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Reading" ADD COLUMN     "warningCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "wordCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "SourceFile_courseId_sha256_idx" ON "SourceFile"("courseId", "sha256");

-- CreateIndex
CREATE INDEX "ImportDraft_status_updatedAt_idx" ON "ImportDraft"("status", "updatedAt");

-- AddForeignKey
ALTER TABLE "SourceFile" ADD CONSTRAINT "SourceFile_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReadingVersion" ADD CONSTRAINT "ReadingVersion_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "SourceFile"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
