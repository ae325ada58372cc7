import { Module } from '@nestjs/common';
import { CoursesController } from './courses.controller.js';
import { CoursesService } from './courses.service.js';
import { RosterService } from './roster.service.js';

@Module({ controllers: [CoursesController], providers: [CoursesService, RosterService] })
export class CoursesModule {}
