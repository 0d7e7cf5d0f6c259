import { getConfig } from '@zhiben/config';
import { createGateway } from './gateway';

async function main(): Promise<void> {
  const config = getConfig();
  const app = await createGateway(config, process.cwd());
  await app.listen(config.GATEWAY_PORT);
}

main().catch((e: unknown) => {
  process.stderr.write(`gateway failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
