import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum OrganizationKind {
  UN_BODY = 'UN_BODY',
  GOVERNMENT = 'GOVERNMENT',
  CITY = 'CITY',
  ACADEMIA = 'ACADEMIA',
  PRIVATE_SECTOR = 'PRIVATE_SECTOR',
  CIVIL_SOCIETY = 'CIVIL_SOCIETY',
  OTHER = 'OTHER',
}

@Entity('organization')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text', { nullable: true }) acronym: string | null;
  @Column('text') kind: OrganizationKind;
  @Column('text', { nullable: true }) country: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
