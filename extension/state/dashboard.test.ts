import { describe, expect, it, vi } from 'vitest';

let answer: () => Promise<unknown>;
vi.mock('../messaging/send.ts', () => ({ ask: () => answer() }));

const { createDashboardModel } = await import('./dashboard.ts');

describe('the My commitments model', () => {
  it('stops saying that its data could not be read once it reads it', async () => {
    const model = createDashboardModel();
    answer = async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    await model.load();
    expect(model.error.value).toContain('Receiving end does not exist');
    const data = { followed: [], changes: [], questions: [] };
    answer = async () => data;
    await model.load();
    expect(model.error.value).toBeNull();
    expect(model.data.value).toBe(data);
  });
});
