import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AccessModule } from './access/access.module.js';
import { AnnotationsModule } from './annotations/annotations.module.js';
import { AnnotationAnchoringModule } from './annotation-anchoring/annotation-anchoring.module.js';
import { AnnotationInsightsModule } from './annotation-insights/annotation-insights.module.js';
import { AssignmentsModule } from './assignments/assignments.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CitationsModule } from './citations/citations.module.js';
import { CollabModule } from './collab/collab.module.js';
import { CommentsModule } from './comments/comments.module.js';
import { AccessGuard } from './common/access.guard.js';
import { AllErrorsFilter } from './common/all-errors.filter.js';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/config.schema.js';
import { CoursesModule } from './courses/courses.module.js';
import { GroupsModule } from './groups/groups.module.js';
import { HealthModule } from './health/health.module.js';
import { HistoryModule } from './history/history.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { ModulesModule } from './modules/modules.module.js';
import { NotesModule } from './notes/notes.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { PrismaModule } from './prisma/prisma.module.js';
import { QuestionBankModule } from './question-bank/question-bank.module.js';
import { QuizzesModule } from './quizzes/quizzes.module.js';
import { QuizSuggestionsModule } from './quiz-suggestions/quiz-suggestions.module.js';
import { QuizStatisticsModule } from './quiz-statistics/quiz-statistics.module.js';
import { GradebookModule } from './gradebook/gradebook.module.js';
import { ReadingReportsModule } from './reading-reports/reading-reports.module.js';
import { ReadingsModule } from './readings/readings.module.js';
import { SearchModule } from './search/search.module.js';
import { WikiModule } from './wiki/wiki.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        PrismaModule,
        JobsModule,
        AuthModule,
        AccessModule,
        HealthModule,
        CoursesModule,
        GroupsModule,
        ModulesModule,
        ReadingsModule,
        ImportsModule,
        AssignmentsModule,
        SearchModule,
        ReadingReportsModule,
        CollabModule,
        NotesModule,
        HistoryModule,
        CommentsModule,
        CitationsModule,
        WikiModule,
        AnnotationsModule,
        AnnotationAnchoringModule,
        AnnotationInsightsModule,
        NotificationsModule,
        QuizzesModule,
        QuestionBankModule,
        QuizSuggestionsModule,
        QuizStatisticsModule,
        GradebookModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: AllErrorsFilter },
      ],
    };
  }
}
