/**
 * `--policy`: a built-in policy's id, or a JSON file of {@link definePolicy} (a province's own rules); and
 * `check-policy`'s reading of such a file.
 */
import { existsSync } from 'node:fs';
import { definePolicy, getPolicy, POLICIES, SunshineInputError, type Policy } from '../src/index';
import { bytesOf } from './files';
import { input, usage } from './errors';
import { decodeText } from '../examples/calculator/input';

/** The issues of a refused policy, one a line: the field's path, the value and what was expected. */
export function issueLines(e: SunshineInputError): string[] {
  return e.issues.map((i) => `  ${i.path === '' ? '(the policy)' : i.path}: ${i.value === undefined ? 'missing' : JSON.stringify(i.value)} — expected ${i.expected}${i.suggestion === undefined ? '' : ` (did you mean ${JSON.stringify(i.suggestion)}?)`}`);
}

/** A policy JSON file read and checked by {@link definePolicy}; an input error listing every issue when it is refused. */
export async function policyFromFile(path: string, flag: string): Promise<Policy> {
  let json: unknown;
  try {
    json = JSON.parse(decodeText(await bytesOf(path)).text);
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'ENOENT') throw usage(`${flag} ${path}：文件不存在 / no such file`);
    throw input(`${flag} ${path}：不是有效的 JSON（${(e as Error).message}） / not valid JSON`);
  }
  try {
    return definePolicy(json);
  } catch (e) {
    if (e instanceof SunshineInputError) throw input([`${flag} ${path}：政策文件有误 / the policy is refused:`, ...issueLines(e)].join('\n'));
    throw e;
  }
}

/** `--policy ID|FILE`: an id of {@link POLICIES}, else a file (a name ending in .json, or one that exists). */
export async function loadPolicy(value: string): Promise<Policy> {
  if (Object.hasOwn(POLICIES, value)) return getPolicy(value);
  if (value.toLowerCase().endsWith('.json') || existsSync(value)) return policyFromFile(value, '--policy');
  try {
    return getPolicy(value);
  } catch (e) {
    if (!(e instanceof SunshineInputError)) throw e;
    const near = e.issues[0]?.suggestion;
    throw usage(`--policy ${JSON.stringify(value)}：没有这个政策 / no such policy${near === undefined ? '' : `; did you mean ${String(near)}?`} Built in: ${Object.keys(POLICIES).join(', ')}; or a policy JSON file (see check-policy)`);
  }
}
