import { Module } from '@nestjs/common';
import { ReadingsModule } from '../readings/readings.module.js';
import { AssignmentsController } from './assignments.controller.js';
import { AssignmentsService } from './assignments.service.js';

@Module({ imports: [ReadingsModule], controllers: [AssignmentsController], providers: [AssignmentsService] })
export class AssignmentsModule {}
