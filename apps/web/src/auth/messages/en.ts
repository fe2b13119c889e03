export const en = {
  signIn: {
    title: 'Sign in',
    intro: 'Sign in to follow your working groups, ballots and deadlines.',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    failed: 'The e-mail or the password is wrong.',
    rateLimited_one: 'Too many attempts. Try again in {{count}} second.',
    rateLimited_other: 'Too many attempts. Try again in {{count}} seconds.',
    required: 'Required',
  },
  invitation: {
    title: 'Set your password',
    intro: 'You were invited to take part. Choose a password of at least 10 characters to finish.',
    password: 'Password',
    confirm: 'Confirm password',
    submit: 'Set password',
    mismatch: 'The two passwords differ.',
    tooShort: 'At least 10 characters.',
    invalid: 'This invitation link is not valid any more. Ask the secretariat for a new one.',
  },
};
