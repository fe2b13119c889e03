import { useFixtures } from '../support/fixtures';
import { errorCodes, useGateway } from '../support/gateway-harness';

const SET_ZONE = `mutation ($zone: String!) { setMyTimeZone(timeZone: $zone) { id timeZone } }`;
const MY_ZONE = `query { me { id timeZone } }`;

/** setMyTimeZone: a signed-in person sets the zone every time is shown in for them; only IANA zones. */
describe('setMyTimeZone', () => {
  let initiative: { id: string };
  const gateway = useGateway();
  const fx = useFixtures();
  beforeAll(async () => {
    initiative = await fx.initiative();
  });

  it("sets the caller's own zone and only theirs; `me` answers it at once", async () => {
    const person = await fx.person(initiative.id, 'OBSERVER');
    const other = await fx.person(initiative.id, 'MEMBER');
    const [otherBefore] = await fx.query<{ time_zone: string }>(`SELECT time_zone FROM person WHERE id = $1`, [other.id]);
    expect((await gateway.gql(MY_ZONE, {}, person.token)).errors).toBeUndefined();

    const result = await gateway.gql(SET_ZONE, { zone: 'Asia/Tokyo' }, person.token);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ setMyTimeZone: { id: person.id, timeZone: 'Asia/Tokyo' } });
    expect((await gateway.gql(MY_ZONE, {}, person.token)).data).toEqual({ me: { id: person.id, timeZone: 'Asia/Tokyo' } });
    expect(await fx.query(`SELECT time_zone FROM person WHERE id = $1`, [person.id])).toEqual([{ time_zone: 'Asia/Tokyo' }]);
    expect(await fx.query(`SELECT time_zone FROM person WHERE id = $1`, [other.id])).toEqual([otherBefore]);
  });

  it.each(['Mars/Olympus_Mons', 'europe/zurich', '', '+02:00'])(
    'refuses %j with BAD_USER_INPUT and changes nothing',
    async (zone) => {
      const person = await fx.person(initiative.id, 'MEMBER');
      const [before] = await fx.query(`SELECT time_zone FROM person WHERE id = $1`, [person.id]);
      const result = await gateway.gql(SET_ZONE, { zone }, person.token);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions.fields).toEqual([{ field: 'timeZone', message: expect.any(String) }]);
      expect(await fx.query(`SELECT time_zone FROM person WHERE id = $1`, [person.id])).toEqual([before]);
    },
  );

  it('is UNAUTHENTICATED without a token', async () => {
    expect(errorCodes(await gateway.gql(SET_ZONE, { zone: 'UTC' }))).toEqual(['UNAUTHENTICATED']);
  });
});
