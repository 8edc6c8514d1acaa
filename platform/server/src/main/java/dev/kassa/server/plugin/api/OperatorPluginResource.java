package dev.kassa.server.plugin.api;
import dev.kassa.server.web.Audience;

import dev.kassa.server.plugin.application.PluginRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Operator: the plugins loaded from {@code KASSA_PLUGINS_DIR}, and a reload without restart. */
@Audience(Audience.Party.OPERATOR)
@Path("v1/operator/plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OperatorPluginResource {
    private PluginRegistry registry;

    protected OperatorPluginResource() {
    }

    @Inject
    public OperatorPluginResource(PluginRegistry registry) {
        this.registry = registry;
    }

    /** {@code {items: [{id, version, state, methods, error, file}], directory}}. */
    @GET
    public Map<String, Object> list() {
        return view(registry.plugins());
    }

    /** Loads the directory afresh: new and replaced jars are picked up, removed ones are gone. */
    @POST
    @Path("reload")
    public Map<String, Object> reload() {
        return view(registry.reload());
    }

    private Map<String, Object> view(List<PluginRegistry.PluginStatus> plugins) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", plugins);
        out.put("directory", registry.pluginsDir().toString());
        return out;
    }
}
