import 'reflect-metadata';
import { runStandaloneMain, startStandaloneService } from '@sfp/service-kit';
import { trainingWithProgrammes } from './training-with-programmes';

/**
 * Training on its own as `npm run start:training` runs it, with the programme
 * parts mounted (the same as main.ts once the context wires them): for tests
 * that run it as a separate process, e.g. reporting's distributed test.
 */
runStandaloneMain('training', () => startStandaloneService(trainingWithProgrammes()));
