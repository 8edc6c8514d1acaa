package dev.kassa.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Error page of the servlet container: a problem document instead of an HTML page. */
@WebServlet("/problem")
public class ProblemServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        String problemCode;
        String title;
        String detail;
        switch (status) {
            case 404 -> {
                problemCode = "not_found";
                title = "Not found";
                detail = "No such resource.";
            }
            case 405 -> {
                problemCode = "request.method_not_allowed";
                title = "Method not allowed";
                detail = "This resource does not support that HTTP method.";
            }
            default -> {
                status = status >= 400 && status < 500 ? status : 500;
                problemCode = status == 500 ? "internal" : "request.rejected";
                title = status == 500 ? "Internal error" : "Request rejected";
                detail = status == 500 ? "Something went wrong on our side." : "The request was rejected.";
            }
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + Problems.TYPE_BASE + problemCode.replace('.', '/')
                + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\",\"code\":\"" + problemCode + "\"}");
    }
}
