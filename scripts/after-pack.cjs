// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, before signing
// (electron-builder signs after this hook, so the signature covers the flipped fuses).
// Run-as-node, NODE_OPTIONS and --inspect are off, so the shipped binary cannot be used as a
// general Node runtime or debugged into; the app only loads from its integrity-checked app.asar.
'use strict';
const path = require('node:path');
const { FuseV1Options, FuseVersion, flipFuses } = require('@electron/fuses');

/** builder-util's Arch enum values that carry an arm64 slice (arm64, universal). */
const ARM64_ARCHES = new Set([3, 4]);

/** The fuses every package gets (exported so tests can check them). */
const fuseConfig = Object.freeze({
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
});

/** The Electron executable inside a packed app folder. */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`after-pack: unknown platform ${electronPlatformName}`);
  }
}

/** The fuse config for one packed app (macOS arm64 needs its ad-hoc signature reset). */
function fuseConfigFor(context) {
  const darwin = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  return { ...fuseConfig, resetAdHocDarwinSignature: darwin && ARM64_ARCHES.has(context.arch) };
}

async function afterPack(context, flip = flipFuses) {
  await flip(electronBinaryPath(context), fuseConfigFor(context));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseConfig = fuseConfig;
module.exports.fuseConfigFor = fuseConfigFor;
module.exports.electronBinaryPath = electronBinaryPath;
