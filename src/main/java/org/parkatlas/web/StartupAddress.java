package org.parkatlas.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says, once the server listens, where to open the map and the OGC API: the first thing a newcomer looks for. */
@Component
class StartupAddress {

    private static final Logger log = LoggerFactory.getLogger(StartupAddress.class);

    @EventListener
    void ready(WebServerInitializedEvent event) {
        int port = event.getWebServer().getPort();
        log.info("ParkAtlas is ready: open http://localhost:{}/ for the map (找地 / Find land: "
                + "http://localhost:{}/?view=find), http://localhost:{}/ogcapi for GIS tools", port, port, port);
    }
}
