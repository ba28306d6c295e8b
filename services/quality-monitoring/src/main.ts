import 'reflect-metadata';
import { runStandaloneMain, startStandaloneService } from '@sfp/service-kit';
import { qualityMonitoringService } from './quality-monitoring.service';

/** `npm run start:quality-monitoring`: quality monitoring on its own, against KAFKA_BROKERS and MONGODB_URI. */
runStandaloneMain('quality monitoring', () => startStandaloneService(qualityMonitoringService));
