import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/load-config';
import { MailService } from './mail.service';

describe('MailService without SMTP_URL', () => {
  it('writes each message as an .eml file under MAIL_DIR', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mail-'));
    const mail = new MailService(loadConfig({ MAIL_DIR: dir, MAIL_FROM: 'Platform <no-reply@example.org>' }));
    await mail.send({ to: 'chair.wg1@u4ssc.example', subject: 'Due in 7 days', text: 'KPI report', messageId: 'n-1' });
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/-n-1\.eml$/);
    const eml = await readFile(join(dir, files[0]), 'utf8');
    expect(eml).toContain('To: chair.wg1@u4ssc.example');
    expect(eml).toContain('Subject: Due in 7 days');
    expect(eml).toContain('Message-ID: <n-1@wgcollab>');
    expect(eml).toContain('KPI report');
    mail.onModuleDestroy();
  });
});
