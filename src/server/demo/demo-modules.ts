import type { Kernel } from "../http/kernel.ts";
import { seedDemoCare } from "./demo-care.ts";
import { seedDemoConferences } from "./demo-conferences.ts";
import { seedDemoFocalOfficers } from "./demo-focal-officers.ts";
import { seedDemoNetwork } from "./demo-network.ts";
import { seedDemoPlan } from "./demo-plan.ts";
import { seedDemoSignals } from "./demo-signals.ts";
import { seedDemoTraining } from "./demo-training.ts";

/**
 * The demo's work in progress, after the region, its organisations and accounts (`seedDemo`): signals on the
 * route, care trajectories, conferences, the social map, focal officers, the implementation plan and
 * training. In this order: later modules build on earlier ones.
 */
export async function seedDemoModules(kernel: Kernel): Promise<void> {
  await seedDemoSignals(kernel);
  await seedDemoCare(kernel);
  await seedDemoConferences(kernel);
  await seedDemoNetwork(kernel);
  await seedDemoFocalOfficers(kernel);
  await seedDemoPlan(kernel);
  await seedDemoTraining(kernel);
}
