import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DEMO_INITIATIVE_SLUG } from './demo-structure.seed';
import { DemoTermsRepository } from './demo-terms.repository';
import type { SeedStep } from './seed-step';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Our own text (the U4SSC terms of reference are not public). */
export const DEMO_INITIATIVE_TOR = `# Terms of reference of United for Smart Sustainable Cities (U4SSC)

## 1. Purpose
U4SSC is a global platform that helps cities and communities reach Sustainable Development Goal 11:
make cities and human settlements inclusive, safe, resilient and sustainable. It produces guidance,
key performance indicators and case studies, and connects cities with the organisations that support them.

## 2. Membership
Membership is open and free of charge to UN bodies, national and local governments, cities, academia,
industry and civil society. Each member organisation names one or more delegates. Observers may follow the work
and speak in meetings but do not vote.

## 3. Structure
The plenary of all members is the decision-making body. A secretariat, provided by ITU and UNECE, manages the
structure, registers members, convenes meetings and opens ballots. Working groups carry out the technical work.

## 4. Decision making
The plenary decides by consensus wherever possible. When a ballot is needed, it states its decision rule
(consensus, simple majority or two-thirds majority of the votes cast for or against) and a quorum. Abstentions count
towards the quorum only. An objection must give its reason.

## 5. Working groups
The plenary creates working groups with a mandate and appoints their chairs and vice-chairs. Each group adopts its
own terms of reference within this framework and keeps an annual work plan with deliverables and deadlines.

## 6. Meetings
The plenary meets at least once a year, in person or online. Working groups meet as often as their work plan needs.
Documents are circulated at least two weeks before a meeting.
`;

const GROUP_TORS: Record<string, string> = {
  WG1: 'set the framework: urban planning policy, standards, regulation and KPIs, and a governance data platform for SDG 11',
  WG2: 'connect cities and communities with the SDGs by sharing practice and case studies between cities',
  WG3: 'enhance innovation and participation: smart governance, open data, financing and public-private collaboration',
};

const groupTor = (code: string, scope: string) => `# Terms of reference of working group ${code}

## 1. Mandate
The group's task is to ${scope}.

## 2. Membership
Any delegate of a U4SSC member may join. The chair and vice-chair are appointed by the plenary.

## 3. Working methods
The group works by correspondence and in online meetings, keeps a work plan with deliverables and deadlines,
and reports its progress to the plenary.

## 4. Decision making
The group decides by consensus; its terms of reference are approved by a ballot of its chair, vice-chair and members.
`;

/** A DRAFT initiative ToR (version 1) and a DRAFT ToR per working group. Idempotent. */
export const demoTermsSeed: SeedStep = {
  name: 'demo terms of reference',
  async run(m: EntityManager): Promise<void> {
    const demo = new DemoTermsRepository(m);
    const initiativeId = await demo.initiativeId(DEMO_INITIATIVE_SLUG);
    if (!initiativeId) throw new Error(`The demo initiative ${DEMO_INITIATIVE_SLUG} is missing: run the structure step first`);
    const secretariatId = await demo.personId('secretariat@u4ssc.example');

    const own = await demo.initiativeTor(initiativeId, 'Terms of reference of U4SSC');
    await demo.insertFirstVersion(own, DEMO_INITIATIVE_TOR, sha256(DEMO_INITIATIVE_TOR), secretariatId);

    for (const group of await demo.groups(initiativeId)) {
      const tor = await demo.groupTor(initiativeId, group.id, `Terms of reference of ${group.code}`);
      const body = groupTor(group.code, GROUP_TORS[group.code] ?? 'carry out the work the plenary gave it');
      await demo.insertFirstVersion(tor, body, sha256(body), group.chair ?? secretariatId);
    }
  },
};
