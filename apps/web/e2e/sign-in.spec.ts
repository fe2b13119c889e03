import { checkPage, DEMO_PASSWORD, expect, submitSignIn, test } from './support/fixtures';

test.describe('sign in', () => {
  test('a wrong password is refused with a message, the right one lands on the home page', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
    await checkPage(page, 'sign-in');
    await page.getByRole('textbox', { name: 'Email' }).fill('member01@u4ssc.example');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('The e-mail or the password is wrong.');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'What needs me' })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Home' })).toBeVisible();
  });

  test('a client route opened signed out comes back after sign-in; sign out ends the session', async ({ page }) => {
    await page.goto('/notifications');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fnotifications$/);
    await submitSignIn(page, 'member02@u4ssc.example');
    await expect(page).toHaveURL(/\/notifications$/);
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});

test('sign in: too many failed attempts are refused with the seconds to wait', async ({ browser }) => {
  // A client of its own (the gateway trusts X-Forwarded-For from loopback), so that its failures
  // count against nobody else's sign-ins.
  const hex = [...crypto.getRandomValues(new Uint16Array(4))].map((n) => n.toString(16));
  const context = await browser.newContext({
    baseURL: process.env.WEB_TEST_BASE_URL,
    extraHTTPHeaders: { 'x-forwarded-for': `2001:db8:${hex[0]}:${hex[1]}::${hex[2]}` },
  });
  const page = await context.newPage();
  const email = 'member03@u4ssc.example';
  // Ten failures for one e-mail from one client within a minute: the eleventh attempt is not even checked.
  for (let i = 0; i < 10; i++) {
    const answer = await page.request.post('/graphql', {
      data: {
        query: `mutation ($e: String!) { login(email: $e, password: "not-the-password") { accessToken } }`,
        variables: { e: email },
      },
    });
    expect((await answer.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  }
  await page.goto('/sign-in');
  await submitSignIn(page, email, DEMO_PASSWORD);
  await expect(page.getByRole('alert')).toHaveText(/^Too many attempts\. Try again in ([1-9]|[1-5]\d|60) seconds?\.$/);
  await expect(page).toHaveURL(/\/sign-in$/);
  await context.close();
});
