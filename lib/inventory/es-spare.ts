/**
 * The MSP's own spare-stock location in Ninja (reference §4): devices kept there stay in
 * ThreatLocker on purpose, so a license on them is not waste.
 */
export const ES_SPARE_LOCATION = "ES Spare";
