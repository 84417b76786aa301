import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Kernel } from "../../http/kernel.ts";
import { requireActor } from "../../http/auth.ts";
import { createUserBody, idParams, updateUserBody, userListQuery, userListSchema, userSchema } from "./users.schema.ts";
import { createUserFor, getUserFor, listUsersFor, updateUserFor } from "./users.service.ts";

export function userRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/users", {
      schema: { tags: ["Gebruikers"], summary: "Gebruikers die u mag beheren of inzien", querystring: userListQuery, response: { 200: userListSchema } },
    }, async (request) => listUsersFor(kernel, requireActor(request), request.query, request.ip));

    app.post("/users", {
      schema: { tags: ["Gebruikers"], summary: "Een gebruiker aanmaken", body: createUserBody, response: { 201: userSchema } },
    }, async (request, reply) => {
      const user = await createUserFor(kernel, requireActor(request), request.body, request.ip);
      return reply.status(201).send(user);
    });

    app.get("/users/:id", {
      schema: { tags: ["Gebruikers"], summary: "Eén gebruiker", params: idParams, response: { 200: userSchema } },
    }, async (request) => getUserFor(kernel, requireActor(request), request.params.id, request.ip));

    app.patch("/users/:id", {
      schema: { tags: ["Gebruikers"], summary: "Naam, rollen of actief/inactief wijzigen", params: idParams, body: updateUserBody, response: { 200: userSchema } },
    }, async (request) => updateUserFor(kernel, requireActor(request), request.params.id, request.body, request.ip));
  };
}
