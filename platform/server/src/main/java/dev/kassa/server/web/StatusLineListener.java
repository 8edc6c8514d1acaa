package dev.kassa.server.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Gives the container the standard reason phrases before the first request (see {@link Statuses}). */
@WebListener
public class StatusLineListener implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
        Statuses.teachContainer();
    }
}
