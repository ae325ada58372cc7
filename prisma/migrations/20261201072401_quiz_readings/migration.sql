-- CreateTable
CREATE TABLE "QuizReading" (
    "quizId" UUID NOT NULL,
    "readingId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "QuizReading_pkey" PRIMARY KEY ("quizId","readingId")
);

-- CreateIndex
CREATE INDEX "QuizReading_readingId_idx" ON "QuizReading"("readingId");

-- AddForeignKey
ALTER TABLE "QuizReading" ADD CONSTRAINT "QuizReading_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizReading" ADD CONSTRAINT "QuizReading_readingId_fkey" FOREIGN KEY ("readingId") REFERENCES "Reading"("id") ON DELETE CASCADE ON UPDATE CASCADE;
