import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('initiative')
export class InitiativeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') slug: string;
  @Column('text') name: string;
  @Column('text', { nullable: true }) description: string | null;
  /** Calendar date YYYY-MM-DD (pg `date` is read as a string). */
  @Column('date', { nullable: true }) launchedOn: string | null;
  @Column('text') timeZone: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
