describe('@zhiben/tipline-domain/workflow', () => {
  it('loads neither zod, the full contracts nor the claim-code helpers', () => {
    jest.isolateModules(() => {
      const refuse = (name: string) => () => {
        throw new Error(`${name} must not be loaded by the workflow entry`);
      };
      jest.doMock('zod', refuse('zod'));
      jest.doMock('@zhiben/contracts', refuse('@zhiben/contracts'));
      jest.doMock('./claim-code', refuse('the claim-code helpers'));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const entry = require('./workflow') as Record<string, unknown>;
      expect(Object.keys(entry)).toEqual(expect.arrayContaining(['computeReward', 'missingRewardFacts']));
    });
  });
});
