import 'reflect-metadata';
import { loadConfig, runStandaloneMain } from '@sfp/service-kit';
import { ReportingServiceConfig } from './standalone/reporting-service.config';
import { startReportingService } from './standalone/start-reporting-service';

/** Reporting on its own, against KAFKA_BROKERS and MONGODB_URI (`nx run reporting:serve`). */
runStandaloneMain('reporting', () => startReportingService(loadConfig(ReportingServiceConfig)));
