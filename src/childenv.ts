/**
 * The environment of the Node processes shifr starts: xslt3 compiling a stylesheet, and the
 * benchmarks' runs of shifr itself. It is the caller's, without NODE_EXTRA_CA_CERTS: with that
 * variable set (as on machines behind a TLS-inspecting proxy), every Node process parses the whole
 * bundle of certificates as it starts — 0.12–0.15 s measured on a 2-core machine, against 0.04 s
 * for the rest of Node's start — and none of these processes opens a TLS connection.
 */
export function nodeChildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}
