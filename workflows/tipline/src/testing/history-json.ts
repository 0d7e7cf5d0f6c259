import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';
import { dirname } from 'node:path';

/**
 * Histories as `temporal workflow show --output json` writes them (proto JSON), like the SDK's
 * historyToJSON/historyFromJSON in @temporalio/common/lib/proto-utils. Those fail in this install
 * ("type must be a Type"): npm gave @temporalio/common and @temporalio/proto separate copies of
 * protobufjs 8, and the helper mixes them. Here the protojson extension comes from the copy that
 * @temporalio/proto itself loads, whatever the layout.
 */
export type History = proto.temporal.api.history.v1.IHistory;

interface ProtoJson {
  toJson(type: unknown, message: unknown, options?: object): unknown;
  fromJson(type: unknown, json: unknown, options?: object): unknown;
}

let historyType: unknown;
let protojson: ProtoJson | undefined;

function load(): { type: unknown; json: ProtoJson } {
  if (!protojson) {
    const from = dirname(require.resolve('@temporalio/proto'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    protojson = require(require.resolve('protobufjs/ext/protojson', { paths: [from] })) as ProtoJson;
    const root = patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown };
    historyType = root.lookupType('temporal.api.history.v1.History');
  }
  return { type: historyType, json: protojson };
}

export function historyToJson(history: History): string {
  const { type, json } = load();
  const message = proto.temporal.api.history.v1.History.fromObject(history);
  return JSON.stringify(json.toJson(type, message), null, 2);
}

export function historyFromJson(text: string): History {
  const { type, json } = load();
  const history = json.fromJson(type, JSON.parse(text), { ignoreUnknownFields: true });
  if (!history) throw new TypeError('Invalid history JSON');
  return history as History;
}
