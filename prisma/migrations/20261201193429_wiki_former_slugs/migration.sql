-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "formerSlugs" TEXT[] DEFAULT ARRAY[]::TEXT[];
