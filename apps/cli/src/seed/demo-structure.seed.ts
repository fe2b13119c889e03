import { DemoStructureRepository } from './demo-structure.repository';
import type { SeedStep } from './seed-step';

export const DEMO_INITIATIVE_SLUG = 'u4ssc';

const ORGANIZATIONS: { name: string; acronym: string; kind: string; country: string | null }[] = [
  { name: 'International Telecommunication Union', acronym: 'ITU', kind: 'UN_BODY', country: null },
  { name: 'United Nations Economic Commission for Europe', acronym: 'UNECE', kind: 'UN_BODY', country: null },
  { name: 'United Nations Human Settlements Programme', acronym: 'UN-Habitat', kind: 'UN_BODY', country: null },
  { name: 'United Nations Industrial Development Organization', acronym: 'UNIDO', kind: 'UN_BODY', country: null },
  { name: 'Economic Commission for Latin America and the Caribbean', acronym: 'ECLAC', kind: 'UN_BODY', country: null },
  { name: 'World Meteorological Organization', acronym: 'WMO', kind: 'UN_BODY', country: null },
  { name: 'United Nations Environment Programme', acronym: 'UNEP', kind: 'UN_BODY', country: null },
  { name: 'City of Lakeport (demo)', acronym: 'LKP', kind: 'CITY', country: 'CH' },
  { name: 'City of Harborview (demo)', acronym: 'HBV', kind: 'CITY', country: 'PT' },
  { name: 'Alpine Institute of Technology (demo)', acronym: 'AIT', kind: 'ACADEMIA', country: 'CH' },
  { name: 'Civic Sensors Ltd (demo)', acronym: 'CSL', kind: 'PRIVATE_SECTOR', country: 'DE' },
];

const GROUPS = [
  {
    code: 'WG1',
    name: 'Setting the Framework',
    mandate:
      'A framework of urban planning policy, standards, regulation and KPIs, and a governance data platform to help cities reach the SDG 11 targets.',
  },
  {
    code: 'WG2',
    name: 'Connecting Cities and Communities',
    mandate: 'Connecting cities and communities with the SDGs: sharing practice and case studies between cities.',
  },
  {
    code: 'WG3',
    name: 'Enhancing Innovation and Participation',
    mandate:
      'Knowledge sharing, partnerships, guidelines and case studies on smart governance, economy and people: public services, open data, financing, public-private collaboration.',
  },
];

type DemoPerson = { email: string; name: string; org: string; role: string; groups: [string, string][] };

const pad = (n: number) => String(n).padStart(2, '0');
const MEMBER_ORGS = ['UN-Habitat', 'UNIDO', 'ECLAC', 'WMO', 'UNEP', 'LKP', 'HBV', 'AIT', 'CSL', 'UNECE', 'ITU', 'LKP'];

/** The accounts of shared/DOMAIN.md (fictional people). */
export const DEMO_PEOPLE: DemoPerson[] = [
  { email: 'secretariat@u4ssc.example', name: 'Sam Secretariat', org: 'ITU', role: 'SECRETARIAT', groups: [] },
  { email: 'chair.wg1@u4ssc.example', name: 'Clara Chair (WG1)', org: 'UNECE', role: 'MEMBER', groups: [['WG1', 'CHAIR']] },
  { email: 'chair.wg2@u4ssc.example', name: 'Chidi Chair (WG2)', org: 'LKP', role: 'MEMBER', groups: [['WG2', 'CHAIR']] },
  { email: 'chair.wg3@u4ssc.example', name: 'Camille Chair (WG3)', org: 'AIT', role: 'MEMBER', groups: [['WG3', 'CHAIR']] },
  {
    email: 'vice.wg1@u4ssc.example',
    name: 'Victor Vice-Chair (WG1)',
    org: 'UN-Habitat',
    role: 'MEMBER',
    groups: [['WG1', 'VICE_CHAIR']],
  },
  ...Array.from({ length: 12 }, (_, i) => ({
    email: `member${pad(i + 1)}@u4ssc.example`,
    name: `Member ${pad(i + 1)}`,
    org: MEMBER_ORGS[i],
    role: 'MEMBER',
    groups: [[`WG${Math.floor(i / 4) + 1}`, 'MEMBER']] as [string, string][],
  })),
  { email: 'observer@u4ssc.example', name: 'Olga Observer', org: 'CSL', role: 'OBSERVER', groups: [] },
];

/** Initiative u4ssc, its organisations, people, memberships and the three working groups. */
export const demoStructureSeed: SeedStep = {
  name: 'structure (initiative u4ssc, organisations, people, working groups)',
  async run(m, { passwordHash }) {
    const demo = new DemoStructureRepository(m);
    for (const o of ORGANIZATIONS) await demo.insertOrganization(o);
    const orgs = await demo.organizationIds(ORGANIZATIONS.map((o) => o.name));

    const initiativeId = await demo.initiative(
      DEMO_INITIATIVE_SLUG,
      'Launched by ITU and UNECE in May 2016 in response to SDG 11: make cities and human settlements inclusive, safe, resilient and sustainable.',
    );

    for (const p of DEMO_PEOPLE) {
      await demo.insertPerson({ name: p.name, email: p.email, passwordHash, organizationId: orgs.get(p.org) ?? null });
    }
    const people = await demo.personIds(DEMO_PEOPLE.map((p) => p.email));
    for (const p of DEMO_PEOPLE) await demo.joinInitiative(initiativeId, people.get(p.email), p.role);

    for (const g of GROUPS) await demo.insertGroup(initiativeId, g);
    const groups = await demo.groupIds(initiativeId);
    for (const p of DEMO_PEOPLE) {
      for (const [code, role] of p.groups) await demo.joinGroup(groups.get(code), initiativeId, people.get(p.email), role);
    }
  },
};
