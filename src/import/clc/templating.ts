export const CLC_PLATFORMS: readonly string[] = [];
