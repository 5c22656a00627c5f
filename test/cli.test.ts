import { expect } from 'chai';
import { runCli } from './helpers.js';

describe('shifr command line', () => {
  it('lists its commands with --help and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).to.equal(0);
    expect(r.stdout).to.match(/^Usage: shifr <command>/m);
    for (const name of ['convert', 'build', 'publish', 'odd', 'validate']) expect(r.stdout).to.match(new RegExp(`^  ${name} +\\S`, 'm'));
  });

  it('rejects an unknown command with exit code 2 and a compiler-style diagnostic', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/error SHF-CLI-001 unknown command "frobnicate"/);
    expect(r.stderr).to.include('(see "shifr --help")');
    // A name every object has is no command either.
    expect((await runCli(['toString'])).code).to.equal(2);
  });
});
