class DomainError(Exception):
    """A request the rules refuse. ``message`` is written for the person who made
    it (translated), and views show it next to the form."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
