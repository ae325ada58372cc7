import { Module } from '@nestjs/common';
import { ModulesModule } from '../modules/modules.module.js';
import { ReadingsModule } from '../readings/readings.module.js';
import { AssignmentsController } from './assignments.controller.js';
import { AssignmentsService } from './assignments.service.js';

@Module({
  imports: [ReadingsModule, ModulesModule],
  controllers: [AssignmentsController],
  providers: [AssignmentsService],
})
export class AssignmentsModule {}
