import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { runCli } from './cli';

// Thin process adapter: all behaviour is in runCli, which tests call directly.
const exitCode = runCli(process.argv.slice(2), {
  readFile: (path) => {
    if (statSync(path).isDirectory()) throw new Error('is a directory');
    return readFileSync(path, 'utf8');
  },
  writeFile: (path, text) => writeFileSync(path, text),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  exists: (path) => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
});
process.exitCode = exitCode;
