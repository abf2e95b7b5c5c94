// The real API in a process of its own, on a fresh embedded PostgreSQL, as `make run` starts it (without demo data).
import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const resultsDir = join(repoRoot, '.test-results', 'e2e');
export const adminPassword = 'E2e-Platform-Secret-2026';

/** The Host as `dotnet build` left it; WORKFORCE_HOST_DLL names another (a published one, say). */
const hostDll = process.env.WORKFORCE_HOST_DLL ?? join(repoRoot, 'api/Host/bin/Debug/net10.0/Workforce.Host.dll');

async function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** `settings`: more configuration for this Host, as `--Section:Key=value` arguments. */
export async function startHost(settings = []) {
  if (!existsSync(hostDll)) {
    throw new Error(`${hostDll} is missing: build the solution first (dotnet build Workforce.slnx).`);
  }
  // The cluster runs as the postgres user when we are root: every folder above it must let that user through.
  const work = await mkdtemp(join(tmpdir(), 'workforce-e2e-'));
  await chmod(work, 0o755);
  const url = `http://127.0.0.1:${await freePort()}`;
  await mkdir(resultsDir, { recursive: true });
  const logName = `host-${basename(process.argv[1] ?? 'test', '.test.mjs')}.log`;
  const log = createWriteStream(join(resultsDir, logName), { flags: 'a' });
  const child = spawn('dotnet', [
    hostDll, '--urls', url,
    `--Database:DataDirectory=${join(work, 'postgres')}`,
    `--Access:AdminPassword=${adminPassword}`,
    '--Access:LoginAttemptsPerMinute=1000',
    // The admin web app as `make test` built it, served from the API's origin.
    `--AdminUi:Path=${join(repoRoot, 'admin-ui/dist')}`,
    // Hashing is slow on purpose; this throw-away database protects nothing.
    '--Access:PasswordHashIterations=1000',
    ...settings,
  ], { cwd: dirname(hostDll), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = null;
  child.on('exit', (code, signal) => { exited = code ?? signal; });

  const deadline = Date.now() + 5 * 60_000;
  while (Date.now() < deadline) {
    if (exited !== null) {
      throw new Error(`The API exited (${exited}) before it was ready; see .test-results/e2e/${logName}.`);
    }
    try {
      if ((await fetch(`${url}/readyz`)).ok) {
        return { url, stop: () => stop(child, work) };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop(child, work);
  throw new Error(`The API was not ready within 5 minutes; see .test-results/e2e/${logName}.`);
}

/** SIGTERM, so that the API stops the database it started; then the database's files go. */
async function stop(child, work) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const patience = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(patience);
  }
  const postgres = join(work, 'postgres');
  if (existsSync(join(postgres, 'postmaster.pid'))) {
    // The API did not get to stop it (killed): stop it here, as whoever owns the cluster.
    const pgCtl = existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql').map((major) => `/usr/lib/postgresql/${major}/bin/pg_ctl`).filter(existsSync).sort().at(-1)
      : 'pg_ctl';
    const asOwner = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', pgCtl]] : [pgCtl, []];
    try {
      execFileSync(asOwner[0], [...asOwner[1], 'stop', '-D', postgres, '-m', 'immediate', '-w'], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
  await rm(work, { recursive: true, force: true });
}
