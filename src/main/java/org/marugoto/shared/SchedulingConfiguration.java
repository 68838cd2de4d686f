package org.marugoto.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs keep their state in the database, so that they survive restarts and run safely on several nodes.
 * Listeners that act after a commit ({@code @ApplicationModuleListener}) run asynchronously.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class SchedulingConfiguration {}
