import { Module } from '@nestjs/common';
import { BankTextService } from './bank-text.service.js';
import { QuestionBankController } from './question-bank.controller.js';
import { QuestionBankService } from './question-bank.service.js';

@Module({
  controllers: [QuestionBankController],
  providers: [QuestionBankService, BankTextService],
})
export class QuestionBankModule {}
