-- CreateEnum
CREATE TYPE "AnnotationVisibility" AS ENUM ('PRIVATE', 'GROUP', 'COURSE');

-- CreateEnum
CREATE TYPE "AnchorStatus" AS ENUM ('ANCHORED', 'TRIAGE', 'ORPHANED');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('REPLY', 'MENTION', 'ENDORSEMENT');

-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "annotationTags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "Annotation" (
    "id" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "readingId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "parentId" UUID,
    "rootId" UUID,
    "visibility" "AnnotationVisibility" NOT NULL,
    "groupId" UUID,
    "body" TEXT NOT NULL DEFAULT '',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "selector" JSONB,
    "quote" TEXT,
    "start" INTEGER,
    "end" INTEGER,
    "readingVersion" INTEGER NOT NULL,
    "anchorStatus" "AnchorStatus" NOT NULL DEFAULT 'ANCHORED',
    "anchorConfidence" DOUBLE PRECISION,
    "proposedSelector" JSONB,
    "pinnedAt" TIMESTAMP(3),
    "endorsedAt" TIMESTAMP(3),
    "endorsedById" UUID,
    "hiddenAt" TIMESTAMP(3),
    "hiddenById" UUID,
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Annotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnotationMention" (
    "annotationId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "AnnotationMention_pkey" PRIMARY KEY ("annotationId","userId")
);

-- CreateTable
CREATE TABLE "AnnotationRead" (
    "userId" UUID NOT NULL,
    "annotationId" UUID NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnotationRead_pkey" PRIMARY KEY ("userId","annotationId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "annotationId" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Annotation_readingId_createdAt_idx" ON "Annotation"("readingId", "createdAt");

-- CreateIndex
CREATE INDEX "Annotation_rootId_idx" ON "Annotation"("rootId");

-- CreateIndex
CREATE INDEX "Annotation_courseId_authorId_idx" ON "Annotation"("courseId", "authorId");

-- CreateIndex
CREATE INDEX "Annotation_readingId_anchorStatus_idx" ON "Annotation"("readingId", "anchorStatus");

-- CreateIndex
CREATE INDEX "AnnotationMention_userId_idx" ON "AnnotationMention"("userId");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_readingId_fkey" FOREIGN KEY ("readingId") REFERENCES "Reading"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationMention" ADD CONSTRAINT "AnnotationMention_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationRead" ADD CONSTRAINT "AnnotationRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationRead" ADD CONSTRAINT "AnnotationRead_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
