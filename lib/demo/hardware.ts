import type { Random } from "./random";

export type DeviceKind = "workstation" | "server" | "unknown";

/** What Ninja (and, for the OS name, ThreatLocker) report about a machine; fixed for its life. */
export interface Hardware {
  manufacturer: string;
  model: string;
  cpu: string;
  memoryGib: number;
  volumes: string;
  ninjaOsName: string;
  threatlockerOsName: string;
  osBuild: string | null;
  osReleaseId: string | null;
  architecture: string;
  nodeClass: string;
  hasTpm: boolean | null;
  tpmEnabled: boolean | null;
  tpmVersion: string | null;
  secureBootAvailable: boolean | null;
  secureBootEnabled: boolean | null;
  windows11Capable: boolean | null;
  /** JSON text, as the upstream assessment stores it. */
  windows11Deficiencies: string | null;
}

export interface Workstation {
  /** The OEM serial the hostname is built from. */
  serial: string;
  hardware: Hardware;
}

const SERVICE_TAG_ALPHABET = "0123456789BCDFGHJKLMNPQRSTVWXYZ";
const DIGITS = "0123456789";
const LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

const OEMS = [
  {
    manufacturer: "Dell Inc.",
    models: ["OptiPlex 7090", "OptiPlex 7010", "Latitude 5420", "Latitude 5440", "Latitude 7440", "Precision 3660"],
    serial: (random: Random) => random.string(SERVICE_TAG_ALPHABET, 7),
    weight: 70,
  },
  {
    manufacturer: "LENOVO",
    models: ["21AH00BQUS", "20XW004QUS", "11T7S0Q600"],
    serial: (random: Random) => `PF${random.string(SERVICE_TAG_ALPHABET, 6)}`,
    weight: 14,
  },
  {
    manufacturer: "HP",
    models: [
      "HP EliteBook 840 G8 Notebook PC",
      "HP ProDesk 400 G7 Microtower PC",
      "HP EliteDesk 800 G6 Small Form Factor PC",
    ],
    // Some carry the long 12-character form: hostnames built from them pass the 15-character NetBIOS limit.
    serial: (random: Random) =>
      `5CG${random.string(DIGITS, 4)}${random.string(LETTERS, 3)}${random.chance(0.3) ? random.string(DIGITS, 2) : ""}`,
    weight: 16,
  },
] as const;

const WINDOWS_RELEASES = [
  { ninja: "Windows 10 Professional Edition", tl: "Windows 10 Pro", build: "19045", release: "22H2", weight: 30 },
  { ninja: "Windows 11 Professional Edition", tl: "Windows 11 Pro", build: "22631", release: "23H2", weight: 35 },
  { ninja: "Windows 11 Professional Edition", tl: "Windows 11 Pro", build: "26100", release: "24H2", weight: 35 },
] as const;

const CURRENT_CPUS = [
  "Intel(R) Core(TM) i5-10500 CPU @ 3.10GHz",
  "Intel(R) Core(TM) i7-1165G7 @ 2.80GHz",
  "13th Gen Intel(R) Core(TM) i5-1345U",
  "12th Gen Intel(R) Core(TM) i7-12700",
  "AMD Ryzen 5 PRO 5650U with Radeon Graphics",
];
const OLD_CPUS = [
  "Intel(R) Core(TM) i5-7500 CPU @ 3.40GHz",
  "Intel(R) Core(TM) i7-6700 CPU @ 3.40GHz",
  "Intel(R) Core(TM) i3-6100 CPU @ 3.70GHz",
];

export function workstation(random: Random): Workstation {
  const oem = random.weighted(OEMS.map((o) => [o, o.weight] as const));
  const release = random.weighted(WINDOWS_RELEASES.map((r) => [r, r.weight] as const));
  const onWindows10 = release.build === "19045";
  const oldCpu = onWindows10 && random.chance(0.6);
  const tpmMissing = oldCpu && random.chance(0.4);
  const deficiencies = [...(oldCpu ? ["Processor not supported"] : []), ...(tpmMissing ? ["TPM 2.0 not present"] : [])];
  const model = random.pick(oem.models);
  const desktop = /OptiPlex|ProDesk|EliteDesk|Precision|11T7/.test(model);
  return {
    serial: oem.serial(random),
    hardware: {
      manufacturer: oem.manufacturer,
      model,
      cpu: random.pick(oldCpu ? OLD_CPUS : CURRENT_CPUS),
      memoryGib: random.weighted([
        [7.75, 15],
        [15.69, 45],
        [15.73, 15],
        [31.69, 20],
        [63.71, 5],
      ]),
      volumes:
        desktop && random.chance(0.2) ? "C: 237.5GB, D: 931.5GB" : `C: ${random.pick(["237.5", "475.8", "953.3"])}GB`,
      ninjaOsName: release.ninja,
      threatlockerOsName: release.tl,
      osBuild: release.build,
      osReleaseId: release.release,
      architecture: "64-bit",
      nodeClass: "WINDOWS_WORKSTATION",
      hasTpm: !tpmMissing,
      tpmEnabled: !tpmMissing,
      tpmVersion: tpmMissing ? null : "2.0",
      secureBootAvailable: true,
      secureBootEnabled: !oldCpu || random.chance(0.5),
      windows11Capable: deficiencies.length === 0,
      windows11Deficiencies: JSON.stringify(deficiencies),
    },
  };
}

const SERVER_RELEASES = [
  { name: "Windows Server 2016 Standard", build: "14393", release: "1607", weight: 10 },
  { name: "Windows Server 2019 Standard", build: "17763", release: "1809", weight: 40 },
  { name: "Windows Server 2022 Standard", build: "20348", release: "21H2", weight: 45 },
  { name: "Windows Server 2025 Standard", build: "26100", release: "24H2", weight: 5 },
] as const;

export function server(random: Random): Hardware {
  const release = random.weighted(SERVER_RELEASES.map((r) => [r, r.weight] as const));
  const platform = random.weighted([
    [
      {
        manufacturer: "Dell Inc.",
        model: random.pick(["PowerEdge R740", "PowerEdge T440", "PowerEdge R650"]),
        physical: true,
      },
      35,
    ],
    [{ manufacturer: "VMware, Inc.", model: "VMware7,1", physical: false }, 35],
    [{ manufacturer: "Microsoft Corporation", model: "Virtual Machine", physical: false }, 30],
  ]);
  return {
    manufacturer: platform.manufacturer,
    model: platform.model,
    cpu: random.pick([
      "Intel(R) Xeon(R) Silver 4210R CPU @ 2.40GHz",
      "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz",
      "AMD EPYC 7313P 16-Core Processor",
    ]),
    memoryGib: random.pick([16, 32, 64, 128, 256]),
    volumes: `C: ${random.pick(["126.4", "199.4", "299.4"])}GB, D: ${random.pick(["499.9", "1862.9", "3725.9"])}GB`,
    ninjaOsName: `${release.name} Edition`,
    threatlockerOsName: release.name,
    osBuild: release.build,
    osReleaseId: release.release,
    architecture: "64-bit",
    nodeClass: "WINDOWS_SERVER",
    hasTpm: platform.physical,
    tpmEnabled: platform.physical,
    tpmVersion: platform.physical ? "2.0" : null,
    secureBootAvailable: platform.physical,
    secureBootEnabled: platform.physical,
    windows11Capable: null,
    windows11Deficiencies: null,
  };
}

/** Guests and appliances Ninja cannot classify: device type `unknown`. */
export function unclassified(random: Random): Hardware {
  return {
    manufacturer: "VMware, Inc.",
    model: "VMware7,1",
    cpu: "Intel(R) Xeon(R) Silver 4210R CPU @ 2.40GHz",
    memoryGib: random.pick([4, 8]),
    volumes: "/: 98.3GB",
    ninjaOsName: random.pick(["Ubuntu 22.04.4 LTS", "Debian GNU/Linux 12 (bookworm)"]),
    threatlockerOsName: "Linux",
    osBuild: null,
    osReleaseId: null,
    architecture: "x86_64",
    nodeClass: "VMWARE_VM_GUEST",
    hasTpm: null,
    tpmEnabled: null,
    tpmVersion: null,
    secureBootAvailable: null,
    secureBootEnabled: null,
    windows11Capable: null,
    windows11Deficiencies: null,
  };
}
