/**
 * electron-builder cannot run here (it needs an Electron zip), so this checks its config and
 * every file it names: targets, identity, icons, the bundled hub and the fuse-flipping hook.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

type Target = string | { target: string };
type BuilderConfig = {
  appId?: string;
  productName?: string;
  directories?: { output?: string; buildResources?: string };
  files?: string[];
  asar?: boolean;
  extraResources?: { from: string; to: string }[];
  afterPack?: string;
  linux?: { target?: Target[]; icon?: string; maintainer?: string };
  win?: { target?: Target[]; icon?: string };
  mac?: { target?: Target[]; icon?: string };
};

const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const targetsOf = (targets: Target[] | undefined): string[] => (targets ?? []).map((t) => (typeof t === 'string' ? t : t.target));

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

type HookModule = {
  (context: unknown, flip: (file: string, config: unknown) => Promise<unknown>): Promise<void>;
  fuseConfig: Record<string, unknown>;
  electronBinaryPath(context: unknown): string;
};

/** A typed fake of the little of electron-builder's AfterPackContext the hook reads. */
function packContext(electronPlatformName: string, arch: number) {
  return {
    appOutDir: '/build/out',
    electronPlatformName,
    arch,
    packager: { appInfo: { productFilename: 'Nexus Companion' }, executableName: 'nexus-companion' },
  };
}

describe('electron-builder.yml', () => {
  it('names the app and builds AppImage + deb, nsis and dmg', () => {
    expect(config.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+){2,}$/);
    expect(config.productName).toBe('Nexus Companion');
    expect(targetsOf(config.linux?.target).sort()).toEqual(['AppImage', 'deb']);
    expect(targetsOf(config.win?.target)).toEqual(['nsis']);
    expect(targetsOf(config.mac?.target)).toEqual(['dmg']);
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/); // deb refuses to build without one
  });

  it('packs the built app into an asar and nothing else from the tree', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toContain('out/**/*');
    expect(config.files?.some((f) => f.startsWith('src') || f.startsWith('tests') || f.startsWith('resources'))).toBe(false);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(pkg.main.replace(/^\.\//, '')).toMatch(/^out\//);
    expect(pkg.scripts['dist']).toContain('electron-builder');
  });

  it('ships the bundled hub as the `hub` resource the main process reads', () => {
    const hub = config.extraResources?.find((r) => r.to === 'hub');
    expect(hub).toBeDefined();
    const from = path.join(root, hub?.from ?? '');
    expect(statSync(from).isDirectory()).toBe(true);
    expect(existsSync(path.join(from, 'README.md'))).toBe(true);
    expect(readFileSync(path.join(root, 'src/main/mainProcess.ts'), 'utf8')).toContain("path.join(process.resourcesPath, 'hub')");
  });

  it('points at icons that exist in the formats each platform needs', () => {
    expect(config.directories?.buildResources).toBe('resources/icons');
    const linuxDir = path.join(root, config.linux?.icon ?? '');
    expect(statSync(linuxDir).isDirectory()).toBe(true);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(path.join(linuxDir, `${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
    const main = pngSize(path.join(root, 'resources/icons/icon.png'));
    expect(main.width).toBeGreaterThanOrEqual(512);
    expect(main.height).toBe(main.width);
    const ico = readFileSync(path.join(root, config.win?.icon ?? ''));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // ICONDIR, type icon
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(4); // several sizes
    const icns = readFileSync(path.join(root, config.mac?.icon ?? ''));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });
});

describe('afterPack fuse hook', () => {
  const hookPath = path.join(root, config.afterPack ?? 'missing');
  const hook = require(hookPath) as HookModule;

  it('is configured and flips the fuses the security checklist asks for', () => {
    expect(existsSync(hookPath)).toBe(true);
    expect(hook.fuseConfig).toMatchObject({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });

  it('flips the packed Electron binary of each platform', async () => {
    const calls: { file: string; config: Record<string, unknown> }[] = [];
    const flip = (file: string, fuses: unknown) => {
      calls.push({ file, config: fuses as Record<string, unknown> });
      return Promise.resolve(0);
    };
    await hook(packContext('linux', 1), flip);
    await hook(packContext('win32', 1), flip);
    await hook(packContext('darwin', 3), flip);
    expect(calls.map((c) => c.file)).toEqual([
      path.join('/build/out', 'nexus-companion'),
      path.join('/build/out', 'Nexus Companion.exe'),
      path.join('/build/out', 'Nexus Companion.app'),
    ]);
    expect(calls.map((c) => c.config['resetAdHocDarwinSignature'])).toEqual([false, false, true]);
    for (const call of calls) {
      expect(call.config[FuseV1Options.RunAsNode]).toBe(false);
      expect(call.config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    }
    await expect(hook(packContext('sunos', 1), flip)).rejects.toThrow(/unknown platform/);
  });
});
