import { Module } from '@nestjs/common';
import { StaffMailer } from './staff-mailer';

/** Mail to staff (SMTP, or the log when none is set). */
@Module({
  providers: [StaffMailer],
  exports: [StaffMailer],
})
export class MailModule {}
