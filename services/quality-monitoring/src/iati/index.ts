// Placeholder until the IATI controllers land (H3 owns and replaces this file).
import type { Type } from '@nestjs/common';

export const IATI_CONTROLLERS: Type[] = [];
