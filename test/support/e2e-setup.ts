import { jest } from '@jest/globals';

// End-to-end tests boot apps and wait for real services: a generous per-test limit.
jest.setTimeout(60_000);
