/** What both vendors say about a device on one snapshot, as the variance and device pages show it. */
export interface DeviceFields {
  vendor: string;
  hostname: string | null;
  displayName: string | null;
  organization: string | null;
  location: string | null;
  billingStatus: string | null;
  os: string | null;
  lastOnline: Date | null;
  agentVersion: string | null;
  securityMode: string | null;
}
