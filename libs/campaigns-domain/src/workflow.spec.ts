describe('@zhiben/campaigns-domain/workflow', () => {
  it('loads neither zod, the contracts nor the seed data', () => {
    jest.isolateModules(() => {
      const refuse = (name: string) => () => {
        throw new Error(`${name} must not be loaded by the workflow entry`);
      };
      jest.doMock('zod', refuse('zod'));
      jest.doMock('@zhiben/contracts', refuse('@zhiben/contracts'));
      jest.doMock('./templates', refuse('the templates'));
      jest.doMock('./dispatch-form', refuse('the dispatch form'));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const entry = require('./workflow') as Record<string, unknown>;
      expect(Object.keys(entry)).toEqual(
        expect.arrayContaining(['reportOccurrences', 'occurrenceStatus', 'stagesAt', 'dutyCompliance']),
      );
    });
  });
});
