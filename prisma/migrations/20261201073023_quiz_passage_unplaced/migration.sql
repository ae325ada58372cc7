-- AlterTable
ALTER TABLE "QuizQuestion" ADD COLUMN     "passageUnplacedOn" INTEGER;
