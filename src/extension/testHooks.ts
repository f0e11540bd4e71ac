/**
 * Commands for the integration tests and the benchmarks (`postmortem.test.*`): registered only
 * when the test launchers set PMKIT_TEST_HOOKS=1 in the extension host's environment, so that an
 * installed extension carries none of them.
 */
export function testHooksEnabled(): boolean {
  return process.env.PMKIT_TEST_HOOKS === '1';
}
