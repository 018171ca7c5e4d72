/** The user's settings: what the calculations read (the tolerance) and how the council is named. */
export interface Settings {
  /** Amber tolerance as a fraction of the profile, a decimal string: "0.02" is 2%. */
  tolerance: string;
  /** The council's name as it signs its papers ("Torbay Council"); the calculations do not read it. */
  councilName?: string;
  /** The DfE's three-digit local authority code ("880" for Torbay). */
  laCode?: string;
}

export const DEFAULT_SETTINGS: Settings = { tolerance: '0.02' };
