"""Published calendar feeds on the way out: the HTTP feed server (server.py, http_handler.py) and
the folder writer (folder.py). Both serve what services/feeds/publishing.py has published and
services/feeds/service.py writes; neither keeps any state of its own beyond a request (the server)
or the folder's manifest (the folder writer).
"""
